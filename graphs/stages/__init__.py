"""The eight SRS stages, one module each, in the order the graph runs them."""
