"""Keeps its counters as class attributes updated through the class: all instances share one state.

Student: This matches a version whose counters are shared by every EarlyStopping object.
"""
class EarlyStopping:
    best_loss = math.inf
    best_epoch = None
    best_params = None
    n_calls = 0
    n_worse = 0

    def __init__(self, patience):
        self.patience = patience

    def step(self, val_loss, params):
        cls = type(self)
        if val_loss < cls.best_loss:
            cls.best_loss = val_loss
            cls.best_epoch = cls.n_calls
            cls.best_params = copy.deepcopy(params)
            cls.n_worse = 0
        else:
            cls.n_worse += 1
        cls.n_calls += 1
        return cls.n_worse >= self.patience
