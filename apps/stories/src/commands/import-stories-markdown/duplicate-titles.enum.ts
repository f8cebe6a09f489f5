import { registerEnumType } from '@nestjs/graphql';

/** `importStoriesMarkdown(onDuplicateTitle)`: see `DuplicateTitles`. */
export enum DuplicateTitlesEnum {
  REFUSE = 'REFUSE',
  NUMBER = 'NUMBER',
}
registerEnumType(DuplicateTitlesEnum, { name: 'DuplicateTitles' });
