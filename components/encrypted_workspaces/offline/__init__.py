"""Running the stack program with no AWS account, credentials or Pulumi CLI: Pulumi's mock engine,
answering like AWS would (``mocks``), with every registration recorded (``recorder``)."""
