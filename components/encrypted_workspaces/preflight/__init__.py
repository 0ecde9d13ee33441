"""``encrypted-workspaces preflight``: whether the first ``pulumi up`` of a stack (or its next wave) can
succeed in the account it deploys to (docs/preflight.md). ``stack`` says what the stack
asks of the account, ``reader`` makes the read-only AWS calls, ``readings`` gathers their answers (or
why a call was not answered), ``checks`` judges them (pure), ``report`` prints the verdict."""
