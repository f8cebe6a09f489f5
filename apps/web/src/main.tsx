import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Viewer } from './api';
import { canEdit, forgetToken, gql, savedToken } from './api';
import { ComponentPage } from './pages/component';
import { NextStepsPage } from './pages/next-steps';
import { ProjectsPage } from './pages/projects';
import { StoriesBoard } from './pages/stories-board';
import { TimelinePage } from './pages/timeline';
import { href, useRoute } from './route';
import { ME, SignIn } from './sign-in';
import { Loading } from './ui';
import './styles.css';

// The graph and the live session (with its WebSocket client) load only when their page opens.
const ArchitecturePage = lazy(() =>
  import('./pages/architecture').then((m) => ({ default: m.ArchitecturePage })),
);
const SessionsPage = lazy(() => import('./pages/sessions').then((m) => ({ default: m.SessionsPage })));

const PROJECT_PAGES = [
  ['next', 'Next steps'],
  ['stories', 'Stories'],
  ['architecture', 'Architecture'],
  ['sessions', 'Sessions'],
  ['timeline', 'Timeline'],
] as const;

function Page({ route, viewer }: { route: string[]; viewer: Viewer }) {
  const [area, id, page, item] = route;
  if (area === 'components' && id) return <ComponentPage componentId={id} editable={canEdit(viewer)} />;
  if (area !== 'projects' || !id) return <ProjectsPage viewer={viewer} />;
  switch (page) {
    case 'architecture':
      return <ArchitecturePage projectId={id} editable={canEdit(viewer)} />;
    case 'sessions':
      return <SessionsPage projectId={id} sessionId={item ?? null} viewer={viewer} />;
    case 'timeline':
      return <TimelinePage projectId={id} viewer={viewer} />;
    case 'next':
      return <NextStepsPage projectId={id} />;
    default:
      return <StoriesBoard projectId={id} viewer={viewer} />;
  }
}

function Shell({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const route = useRoute();
  // The project the person was last in (kept for the tab): a component page still shows its menu.
  const [lastProject, setLastProject] = useState<string | null>(() =>
    sessionStorage.getItem('codemyspec.project'),
  );
  const projectId = route[0] === 'projects' ? (route[1] ?? null) : lastProject;
  useEffect(() => {
    if (route[0] !== 'projects' || !route[1]) return;
    sessionStorage.setItem('codemyspec.project', route[1]);
    setLastProject(route[1]);
  }, [route]);
  return (
    <>
      <header className="top">
        <nav aria-label="Main">
          <a href={href('projects')} className="brand">
            CodeMySpec
          </a>
          {projectId &&
            PROJECT_PAGES.map(([page, label]) => (
              <a
                key={page}
                href={href('projects', projectId, page)}
                aria-current={
                  route[0] === 'projects' && (route[2] ?? 'stories') === page ? 'page' : undefined
                }
              >
                {label}
              </a>
            ))}
        </nav>
        <span className="who">
          {viewer.actor.replace(/ \(.*\)$/, '')} · {viewer.role}
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      </header>
      <Suspense fallback={<Loading what="the page" />}>
        <Page route={route} viewer={viewer} />
      </Suspense>
    </>
  );
}

function App() {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [checking, setChecking] = useState(savedToken() !== null);
  useEffect(() => {
    if (!savedToken()) return;
    gql<{ me: Viewer }>(ME)
      .then(
        ({ me }) => setViewer(me),
        () => forgetToken(),
      )
      .finally(() => setChecking(false));
  }, []);
  if (checking) return <Loading what="your session" />;
  if (!viewer) return <SignIn onSignedIn={setViewer} />;
  return (
    <Shell
      viewer={viewer}
      onSignOut={() => {
        forgetToken();
        setViewer(null);
        location.hash = '';
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
