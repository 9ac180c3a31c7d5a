import { AppError } from '../../common/ipc/result';
import { findPasswordProblem } from '../../common/password-policy';

const explanations = {
  PASSWORD_TOO_SHORT: 'The password must have at least 12 characters.',
  PASSWORD_TOO_LONG: 'The password must have at most 128 characters.',
  PASSWORD_TOO_COMMON: 'The password is too common or too simple.',
  PASSWORD_CONTAINS_AGENT_ID: 'The password must not contain the agent ID.',
} as const;

/** Throws the policy's error code when `password` is not acceptable for `agentId`. */
export function assertAcceptablePassword(password: string, agentId: string): void {
  const problem = findPasswordProblem(password, agentId);
  if (problem !== undefined) throw new AppError(problem, explanations[problem]);
}
