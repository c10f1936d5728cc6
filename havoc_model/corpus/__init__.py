"""Small shipped training text: synthetic tool-using dialogues (see `dialogues.py`)."""
