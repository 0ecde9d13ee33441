"""Reading a live account with boto3, shared by the commands that do (``audit``, ``preflight``): the
region as the AWS CLI and SDKs choose it, the session, whose account the credentials are, the stack
file read and validated as ``plan`` reads it, and AWS calls with retries, pagination and one error
type that says what went wrong and whether the call was denied, not answered or failed."""
