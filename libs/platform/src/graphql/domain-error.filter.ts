import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@app/domain';

/**
 * Domain errors are answers, not failures: hand them to GraphQL as they are (the error formatter
 * maps their codes) instead of letting Nest log each one as an unhandled exception.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
