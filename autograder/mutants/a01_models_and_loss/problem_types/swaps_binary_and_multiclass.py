"""Calls the ten-garment and digit problems binary, and the two-class ones multiclass.

Student: This matches calling the ten-class problems binary and the two-class ones multiclass.
"""
problem_types = {"a": "regression", "b": "multiclass", "c": "binary",
                 "d": "regression", "e": "multiclass", "f": "binary"}
