"""The review app's widgets, one per module: document tree, section text, table grid, findings list,
finding detail; ``marks`` holds the glyphs and colours they share for figure marks."""
