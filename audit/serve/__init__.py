"""`plan-audit serve`: a local web workbench for reviewers, above the runner beside the CLI.

    workspace = Workspace.create(directory="fixtures", lang="vi")   # a private session folder
    app = create_app(workspace)                                     # Starlette; pages made on the server

`workspace.py` keeps the session (its folder, the uploaded plans, the audit running in a thread and
its result, the waivers file); `uploads.py` takes plan files from a multipart upload into that
folder; `waivers_file.py` appends a waiver in the format of the `waivers` configuration key;
`pages.py` turns a run into what each page shows; `app.py` holds the routes and the security
headers; `server.py` starts uvicorn. Templates and static files ship inside the package: offices
are often offline, and the page loads nothing from elsewhere.
"""
