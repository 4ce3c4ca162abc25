export { DomainError, isDomainError, type DomainErrorOptions, type ErrorCode, type FieldProblem } from '../errors';
