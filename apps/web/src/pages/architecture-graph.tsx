import { useEffect, useRef, useState } from 'react';
import { href } from '../route';
import { Loading, Problem } from '../ui';
import type { GraphLayout, GraphNode } from './graph-layout';
import { elkGraph, placed, toneOf } from './graph-layout';
import type { View } from './pan-zoom';
import { usePanZoom } from './pan-zoom';

const MARGIN = 16;

/** ELK in a worker of its own (loaded with this page only): a big graph never freezes the page. */
async function layOut(nodes: readonly GraphNode[], dependencies: readonly { from: string; to: string }[]) {
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  const elk = new ELK({ workerUrl });
  try {
    return placed(nodes, await elk.layout(elkGraph(nodes, dependencies)));
  } finally {
    elk.terminateWorker();
  }
}

/**
 * The whole graph in view, centred, never drawn larger than its own size (a small graph stays at
 * 1:1 instead of filling the frame with huge boxes). `frame` is the SVG's size on the page.
 */
function fit(layout: GraphLayout, frame: { width: number; height: number } | null): View {
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;
  if (!frame || frame.width === 0 || frame.height === 0) return { x: -MARGIN, y: -MARGIN, width, height };
  const scale = Math.max(width / frame.width, height / frame.height, 1);
  const view = { width: frame.width * scale, height: frame.height * scale };
  return { x: (layout.width - view.width) / 2, y: (layout.height - view.height) / 2, ...view };
}

/** How tall the frame is drawn: the graph's own height, between 240 px and most of the window. */
const frameHeight = (layout: GraphLayout | null) =>
  layout ? Math.round(Math.max(240, Math.min(window.innerHeight * 0.75, layout.height + 2 * MARGIN))) : 420;

const frameOf = (element: SVGSVGElement | null, layout: GraphLayout) =>
  element ? { width: element.clientWidth, height: frameHeight(layout) } : null;

/** The graph itself: context boxes, dependency polylines with arrowheads, component boxes that open their page. */
function Drawing({ layout }: { layout: GraphLayout }) {
  return (
    <>
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
        </marker>
      </defs>
      {layout.contexts.map((c) => (
        <g key={c.node.id} className="lane">
          <rect x={c.x} y={c.y} width={c.width} height={c.height} rx={8} />
          <a href={href('components', c.node.id)}>
            <text x={c.x + 10} y={c.y + 20}>
              {c.node.name} ({c.node.type === 'context' ? 'context' : 'coordination context'})
            </text>
          </a>
        </g>
      ))}
      {layout.edges.map((e) => (
        <polyline
          key={e.id}
          className="edge"
          points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
          markerEnd="url(#arrow)"
        />
      ))}
      {layout.nodes.map(({ node, x, y, width, height }) => (
        <a
          key={node.id}
          href={href('components', node.id)}
          aria-label={`${node.name}: design ${node.designStatus}, tests ${node.testStatus}, code ${node.codeStatus}`}
        >
          <g className={`node tone-${toneOf(node)}${node.dirty ? ' dirty' : ''}`}>
            <rect x={x} y={y} width={width} height={height} rx={6} />
            <text x={x + 10} y={y + 18}>
              {node.name}
            </text>
            <text x={x + 10} y={y + 35} className="small">
              design {node.designStatus.toLowerCase()} · tests {node.testStatus.toLowerCase()} · code{' '}
              {node.codeStatus.toLowerCase()}
            </text>
          </g>
        </a>
      ))}
    </>
  );
}

/**
 * The dependency graph: laid out by ELK (layered left to right, a context a box around its
 * components, orthogonal edges that go around boxes, arrowheads at what is depended on), zoomed
 * with the wheel or the buttons, moved by dragging; every component opens its page.
 */
export function ArchitectureGraph(props: {
  nodes: readonly GraphNode[];
  dependencies: readonly { from: string; to: string }[];
}) {
  const [layout, setLayout] = useState<GraphLayout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const { view, setView, zoomBy, handlers } = usePanZoom(svg, layout);

  useEffect(() => {
    let current = true;
    layOut(props.nodes, props.dependencies).then(
      (laid) => {
        if (!current) return;
        setLayout(laid);
        setView(fit(laid, frameOf(svg.current, laid)));
      },
      (e: Error) => current && setError(`the graph could not be laid out: ${e.message}`),
    );
    return () => {
      current = false;
    };
  }, [props.nodes, props.dependencies, setView]);

  if (error) return <Problem message={error} />;
  return (
    <div className="graph-frame">
      {/* The frame is there from the start: its size decides how the graph first fits in it. */}
      {!layout && <Loading what="the graph layout" />}
      <div className="toolbar graph-tools" hidden={!layout}>
        <button type="button" onClick={() => zoomBy(1 / 1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => layout && setView(fit(layout, frameOf(svg.current, layout)))}>
          Fit
        </button>
        <span className="small">
          {layout?.nodes.length} components in {layout?.contexts.length} contexts · drag to move, wheel to
          zoom
        </span>
      </div>
      <svg
        ref={svg}
        viewBox={view ? `${view.x} ${view.y} ${view.width} ${view.height}` : undefined}
        role="img"
        aria-label="Dependency graph"
        className="graph"
        height={frameHeight(layout)}
        {...handlers}
      >
        {layout && <Drawing layout={layout} />}
      </svg>
    </div>
  );
}
