"""The component's parts, one idea per module: each registers children of the component."""
