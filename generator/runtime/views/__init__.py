"""Views of documents that a field embeds: the execution plan (text, Mermaid, DOT) and ``.properties``."""
