import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import adonisjs from '@adonisjs/vite/client'
import precompress from './scripts/vite_precompress.ts'

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    adonisjs({
      entryPoints: ['inertia/app.tsx'],
      serverEntryPoints: ['inertia/ssr.tsx'],
      reload: ['resources/views/**/*.edge'],
    }),
    precompress(),
  ],

  /**
   * The SSR bundle goes to "ssr/server", outside the public folder, where
   * config/vite.ts tells the server to look for it.
   */
  environments: {
    ssr: {
      build: {
        outDir: 'ssr/server',
      },
    },
  },

  /**
   * Two chunks by design, beside one per page: "vendor", the libraries every page runs (React,
   * Inertia), which stays cached from one deploy of the app to the next; and "shell", what every
   * layout shows (page frame, guest header, theme toggle, toasts, the URL builder with the guest
   * routes), one file instead of half a dozen tiny ones on each first load. The passkey button
   * and its support check travel together too (the login page, the code form, the settings).
   */
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|@inertiajs[\\/][^\\/]+|es-toolkit|laravel-precognition)[\\/]/,
              priority: 2,
            },
            {
              name: 'shell',
              test: /inertia[\\/]components[\\/](page_shell|guest_header)\.tsx$/,
              includeDependenciesRecursively: true,
              priority: 1,
            },
            {
              name: 'passkey_sign_in',
              test: /inertia[\\/](components[\\/]passkey_sign_in\.tsx|hooks[\\/]use_webauthn_support\.ts)$/,
              includeDependenciesRecursively: false,
              priority: 1,
            },
          ],
        },
      },
    },
  },

  resolve: {
    alias: {
      '~/': `${import.meta.dirname}/inertia/`,
      '@generated': `${import.meta.dirname}/.adonisjs/client/`,
      '#shared/': `${import.meta.dirname}/shared/`,
    },
  },
})
