"""Pictures of printed pages: a PDF page rendered with PDFium, the figures of a finding boxed.

Headless (Pillow and pypdfium2 only, never Textual or Rich), so the CLI (`tui-review render`,
`export --evidence`) and the app's page view share it:

- `pdf_pages`: open a PDF once, each page's displayed size, render a region of a page;
- `marks`: which boxes to draw for a finding (the suspect apart from the other operands), and the
  region of a page they call for;
- `picture`: a rendered region with its boxes drawn, and where each box landed in pixels;
- `halfblock`: an image as rows of ``▀`` cells (foreground = upper pixel, background = lower one),
  for terminals without a graphics protocol;
- `lru`: a small least-recently-used cache for rendered pages.

Coordinates are the parser's: PDF points, origin at the top left of the page as displayed
(``/Rotate`` applied), boxes as ``(x0, top, x1, bottom)`` (`parsers.model.BBox`).
"""
