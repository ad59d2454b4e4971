"""Treats a house price as a class ('multiclass') because prices come in round numbers."""
problem_types = {"a": "regression", "b": "binary", "c": "multiclass",
                 "d": "multiclass", "e": "binary", "f": "multiclass"}
