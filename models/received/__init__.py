"""The received-files room: stored summaries, their kinds, LibreOffice conversion and the compiled book; it imports only models' leaf modules, dates/ and db/."""
