import type { Provider } from '@nestjs/common';
import { AcceptDesignAsCurrentHandler } from './accept-design-as-current/accept-design-as-current.handler';
import { AcceptDesignAsCurrentResolver } from './accept-design-as-current/accept-design-as-current.resolver';
import { AcceptProposedComponentHandler } from './accept-proposed-component/accept-proposed-component.handler';
import { AcceptProposedComponentResolver } from './accept-proposed-component/accept-proposed-component.resolver';
import { AddDependencyHandler } from './add-dependency/add-dependency.handler';
import { AddDependencyResolver } from './add-dependency/add-dependency.resolver';
import { ArchitectureWriter } from './architecture-writer';
import { CreateComponentHandler } from './create-component/create-component.handler';
import { CreateComponentResolver } from './create-component/create-component.resolver';
import { DeleteComponentHandler } from './delete-component/delete-component.handler';
import { DeleteComponentResolver } from './delete-component/delete-component.resolver';
import { MapStoryToComponentHandler } from './map-story-to-component/map-story-to-component.handler';
import { MapStoryToComponentResolver } from './map-story-to-component/map-story-to-component.resolver';
import { RemoveDependencyResolver } from './remove-dependency/remove-dependency.resolver';
import { RenameComponentResolver } from './rename-component/rename-component.resolver';
import { SubmitDesignHandler } from './submit-design/submit-design.handler';
import { SubmitDesignResolver } from './submit-design/submit-design.resolver';
import { UnmapStoryFromComponentHandler } from './unmap-story-from-component/unmap-story-from-component.handler';
import { UnmapStoryFromComponentResolver } from './unmap-story-from-component/unmap-story-from-component.resolver';
import { UpdateComponentResolver } from './update-component/update-component.resolver';

/** The architect's write side: the one writer, and each use case's handler (where it has one) and mutation. */
export const commandProviders: Provider[] = [
  ArchitectureWriter,
  CreateComponentHandler,
  CreateComponentResolver,
  AcceptProposedComponentHandler,
  AcceptProposedComponentResolver,
  MapStoryToComponentHandler,
  MapStoryToComponentResolver,
  UnmapStoryFromComponentHandler,
  UnmapStoryFromComponentResolver,
  AddDependencyHandler,
  AddDependencyResolver,
  RemoveDependencyResolver,
  RenameComponentResolver,
  UpdateComponentResolver,
  DeleteComponentHandler,
  DeleteComponentResolver,
  SubmitDesignHandler,
  SubmitDesignResolver,
  AcceptDesignAsCurrentHandler,
  AcceptDesignAsCurrentResolver,
];
