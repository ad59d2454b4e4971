"""The three descriptions in Korean, the nouns in lower case."""
vocabulary_answers = {1: "weight", 2: "predict", 3: "변하는", 4: "target", 5: "고정된", 6: "loss", 7: "줄이는"}
