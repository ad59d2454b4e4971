"""Swaps Target and Predict (and so fixed and changing)."""
vocabulary_answers = {1: "Weight", 2: "Target", 3: "fixed", 4: "Predict", 5: "changing", 6: "Loss", 7: "reducing"}
