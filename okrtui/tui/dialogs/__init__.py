"""Modal dialogs, each returning its answer through `dismiss`."""
