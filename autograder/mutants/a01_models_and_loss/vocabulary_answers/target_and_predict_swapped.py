"""Swaps Target and Predict (and so fixed and changing).

Student: This matches an answer with Target and Predict swapped, and fixed and changing with them.
"""
vocabulary_answers = {1: "Weight", 2: "Target", 3: "fixed", 4: "Predict", 5: "changing", 6: "Loss", 7: "reducing"}
