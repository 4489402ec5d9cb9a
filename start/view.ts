/*
|--------------------------------------------------------------------------
| View globals
|--------------------------------------------------------------------------
|
| Makes the root view's embedded page data safe and gives it the theme
| script. Inertia's own "@inertia" helper escapes only "/" in the page
| JSON when SSR is off or fails, so a string such as "<!--<script>" in a
| prop can break out of (or wedge open) the script element. The
| replacement below escapes every character that matters inside a
| <script> element. "clientEntries" lists the bundle entries the root
| view preloads for a page. In production the views' components are
| listed once, not before every render.
|
*/

import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { clientEntries } from '#services/http/client_entries'
import { serializePageData } from '#services/http/page_data'
import { THEME_SCRIPT } from '#services/http/theme'
import { listEdgeComponentsOnce } from '#services/http/edge_components'

type PageWithSsr = { ssrBody?: string }
type RootAttributes = { id?: string; as?: string; class?: string }

function renderInertiaRoot(page: PageWithSsr = {}, attributes: RootAttributes = {}) {
  if (page.ssrBody) return page.ssrBody

  const id = attributes.id ?? 'app'
  const tag = attributes.as ?? 'div'
  const className = attributes.class ? ` class="${attributes.class}"` : ''
  return (
    `<script data-page="${id}" type="application/json">${serializePageData(page)}</script>` +
    `<${tag} id="${id}"${className}></${tag}>`
  )
}

/**
 * Edge runs plugins on first render, in the order they were added: this one comes after the
 * Inertia plugin, so its "inertia" global replaces the original.
 */
edge.use((instance) => {
  instance.global('inertia', renderInertiaRoot)
  instance.global('themeScript', THEME_SCRIPT)
  instance.global('clientEntries', clientEntries)
})

if (app.inProduction) listEdgeComponentsOnce(edge)
