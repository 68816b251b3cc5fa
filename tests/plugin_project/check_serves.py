"""Run inside the plugin project: migrate, add a municipality, import a page and serve it."""

import django
from django.core.management import call_command
from django.test import Client

django.setup()
call_command("migrate", verbosity=0)
call_command("add_municipality", "alytus", "alytus.example")
call_command("add_municipality", "nacionalinis", "lt.example")
call_command("import_content", "docs/import-example.jsonl", "--no-progress")
response = Client().get("/", headers={"host": "alytus.example"})
assert response.status_code == 200, response.status_code
print("SERVED", response.content.decode()[:4000])
