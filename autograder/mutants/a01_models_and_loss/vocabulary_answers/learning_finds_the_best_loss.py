"""Says learning finds the best Loss (it finds the best Weight, by reducing the loss).

Student: This matches an answer saying that learning finds the best Loss.
"""
vocabulary_answers = {1: "Loss", 2: "Predict", 3: "changing", 4: "Target", 5: "fixed", 6: "Weight", 7: "reducing"}
