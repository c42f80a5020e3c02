// The entry point of the browser side: Vaadin's client router, with every route served by the
// server-side (Flow) views. Vaadin generates an equivalent file when this one is absent; this one
// adds one thing, described below.
import { Router } from '@vaadin/router';
import { Flow } from 'Frontend/generated/jar-resources/Flow.js';

// The page arrives with its view already built (eager server load), so the view is on screen a
// moment before the client router has taken it over. When the router then places the view, a field
// that had the focus loses it without its change being sent, and what was typed is lost. Until the
// router has placed the view, it takes no input; a timeout makes sure the page never stays locked.
const outlet = document.querySelector('#outlet');
const release = () => outlet?.removeAttribute('inert');
outlet?.setAttribute('inert', '');
window.addEventListener('vaadin-router-location-changed', release, { once: true });
window.addEventListener('vaadin-router-error', release, { once: true });
setTimeout(release, 10_000);

const { serverSideRoutes } = new Flow({
  imports: () => import('Frontend/generated/flow/generated-flow-imports.js'),
});

const router = new Router(outlet);
router.setRoutes([...serverSideRoutes]);
