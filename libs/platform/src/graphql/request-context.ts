import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Identity } from '@app/domain';

/** What every subgraph resolver receives in the GraphQL context. */
export interface RequestContext {
  readonly identity: Identity;
  readonly correlationId: string;
}

export const CurrentRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => {
    return GqlExecutionContext.create(context).getContext<RequestContext>();
  },
);
