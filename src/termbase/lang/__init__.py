"""Language knowledge: Indonesian segmentation, tokens with offsets, morphology, spelling."""
