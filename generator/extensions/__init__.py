"""Extensions: hand-written views and parsers of the documents that a field of the spec embeds.

Linked into the package as ``foas_client._extensions`` (a symlink to ``generator/extensions/``, as
the core is). An extension may import the core and the modules generated for it (the embedded
document's models and shapes); the core imports no extension. A field of the spec selects one by a
spec extension, and each extension module says which, as a literal the generator reads from its
source (``generator/extension_index.py``) without importing it:

- ``SELECTED_BY = ("x-view", "<name>")``: a view of a document with a JSON Schema
  (``x-embedded-schema``). It also defines ``DOCUMENT`` (the ``title`` of the schema it reads),
  ``FORMATS`` (its output formats, the first the default), ``render(text, format) -> str`` (raising
  ``DecodeError`` for text that is not such a document) and ``sample(rng) -> str`` (a realistic
  document, for the testing fake). The field's ``x-view-command`` becomes a ``foas`` command.
- ``SELECTED_BY = ("x-embedded-format", "<format>")``: a parser of a text format.

Either kind lists in ``__all__`` what the package re-exports (``foas_client.parse_plan``...), loaded
on first use.
"""
