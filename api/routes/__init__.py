"""One module per route group; `api.app` includes every router listed in `ROUTERS`."""
