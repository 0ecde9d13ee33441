"""The component provider: the same ``EncryptedWorkspaces`` for TypeScript, Go, C#, Java and YAML.

``pulumi package add <this directory>`` runs ``__main__.py`` here (``PulumiPlugin.yaml``), which hosts
the component with Pulumi's Python component-provider support (``pulumi.provider.experimental``):
the package schema is inferred from ``args.py`` (generated from the config model) and the outputs
declared in ``component.py``; ``Construct`` runs the very component a Python program imports.
"""
