"""The review app's screens, one per module: the main review screen and its dialogs (help, export,
annotate, status picker, open file, error, search). Dialogs return typed results; the main screen
and the review layer do the work."""
