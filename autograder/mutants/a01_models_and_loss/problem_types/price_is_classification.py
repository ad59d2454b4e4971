"""Treats a house price as a class ('multiclass') because prices come in round numbers.

Student: This matches treating a house's price as one of several classes.
"""
problem_types = {"a": "regression", "b": "binary", "c": "multiclass",
                 "d": "multiclass", "e": "binary", "f": "multiclass"}
