"""The desk server (`termbase serve`): web pages and a JSON API over the same library
services the command line calls. It holds no logic of its own beyond who may do what
and how a request maps onto a service (docs/server.md)."""
