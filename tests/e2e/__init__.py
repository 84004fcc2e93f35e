"""Real-terminal end-to-end tests: okrtui driven in tmux by keys alone."""
