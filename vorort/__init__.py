"""vorort: steering smart-city strategy processes in a network of municipalities."""
