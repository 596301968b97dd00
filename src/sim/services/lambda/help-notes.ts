/** What the terminal's `aws lambda … help` adds about the simulation convention (README.md). */

const CODE_CONVENTION = [
  "In this simulator a function's code is a text file of AWS CLI command lines,",
  'one per line (blank lines and # comments are skipped), passed as the',
  'deployment package: --zip-file fileb://NAME. For example:',
  '',
  "    cat > reader.txt <<'EOF'",
  '    # runs as the execution role',
  '    aws sts get-caller-identity',
  '    aws s3api list-objects-v2 --bucket my-bucket',
  '    EOF',
  '',
  'The role you pass with --role needs a trust policy that lets',
  'lambda.amazonaws.com assume it, and you need iam:PassRole on it.',
];

const INVOKE_CONVENTION = [
  "Invoke runs the function's lines in order as the execution role's session",
  'arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION_NAME. Each call is authorized',
  "with that session and recorded in CloudTrail; Lambda's AssumeRole appears with",
  'userIdentity.type AWSService, invokedBy lambda.amazonaws.com. The outfile',
  "receives a JSON array with each line's {command, exitCode, stdout, stderr}.",
];

/** Simulator notes per Lambda operation. */
export const LAMBDA_HELP_NOTES: Readonly<Record<string, readonly string[]>> = {
  CreateFunction: CODE_CONVENTION,
  UpdateFunctionCode: CODE_CONVENTION,
  Invoke: INVOKE_CONVENTION,
};
