"""The base layer, below the model and every stage: text normalization and YAML read with lines."""
