"""Models of the prioritisation app."""
