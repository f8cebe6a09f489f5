import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestMiddleware } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Authenticator } from '../auth/authenticator';
import type { QueryLimits } from '../limits/query-limits';
import type { SingleFetchLaneState } from './single-fetch-lane';
import { singleFetchLane } from './single-fetch-lane';

export const SINGLE_FETCH_LANE_STATE = Symbol('SINGLE_FETCH_LANE_STATE');
export const QUERY_LIMITS = Symbol('QUERY_LIMITS');

/** The single-fetch lane as Nest middleware on POST /graphql, after the request logger. */
@Injectable()
export class SingleFetchLaneMiddleware implements NestMiddleware {
  private readonly lane: ReturnType<typeof singleFetchLane>;

  constructor(
    authenticator: Authenticator,
    @Inject(SINGLE_FETCH_LANE_STATE) state: SingleFetchLaneState,
    @Inject(QUERY_LIMITS) limits: QueryLimits,
  ) {
    this.lane = singleFetchLane({ ...state, authenticator, limits });
  }

  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    this.lane(req, res, next);
  }
}
