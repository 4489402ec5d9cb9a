import { configApp } from '@adonisjs/eslint-config'
import { react } from '@adonisjs/eslint-config/react'

export default configApp(...react, {
  ignores: ['ssr/**', 'tmp/**', 'scripts/**/*.js'],
})
