"""Counts only the weights (parameters named *weight), forgetting the biases.

Student: This is what comes out when only the weights are counted and the biases are left out.
"""
def count_parameters(model, trainable_only=False):
    return int(sum(p.numel() for name, p in model.named_parameters()
                   if name.endswith("weight") and (p.requires_grad or not trainable_only)))
