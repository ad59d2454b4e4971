"""The right labels, capitalised and with stray spaces (case and spaces are ignored)."""
problem_types = {"a": "Regression", "b": " Binary", "c": "Multiclass ",
                 "d": "REGRESSION", "e": "binary", "f": "multiclass"}
