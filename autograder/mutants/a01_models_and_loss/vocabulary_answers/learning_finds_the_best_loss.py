"""Says learning finds the best Loss (it finds the best Weight, by reducing the loss)."""
vocabulary_answers = {1: "Loss", 2: "Predict", 3: "changing", 4: "Target", 5: "fixed", 6: "Weight", 7: "reducing"}
