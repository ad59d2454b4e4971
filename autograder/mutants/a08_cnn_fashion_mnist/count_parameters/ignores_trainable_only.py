"""Ignores trainable_only: always counts every parameter.

Student: This is what comes out when frozen parameters are counted even with trainable_only set.
"""
def count_parameters(model, trainable_only=False):
    return int(sum(p.numel() for p in model.parameters()))
