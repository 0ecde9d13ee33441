"""Entry point of the provider plugin: ``pulumi package add`` runs this file (``PulumiPlugin.yaml``).

Python runs it as a script with this directory first on ``sys.path``, so it imports only the
installed package (see requirements.txt), never a sibling module by its bare name.
"""

from encrypted_workspaces.provider.host import main

if __name__ == "__main__":
    main()
