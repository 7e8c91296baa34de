import './globals.css';

/** Paths outside any locale (e.g. /xx/…): the 404 in the default language, with the others linked. */
export default function RootNotFound() {
  return (
    <html lang="it">
      <body>
        <main id="main" className="prose">
          <title>Pagina non trovata · Aula</title>
          <h1>Pagina non trovata</h1>
          <p>La pagina che cerchi non esiste o è stata spostata.</p>
          <p>
            <a className="button" href="/it">
              Torna al catalogo
            </a>
          </p>
          <p lang="en">
            Page not found. <a href="/en">Go to the catalog</a>
          </p>
        </main>
      </body>
    </html>
  );
}
