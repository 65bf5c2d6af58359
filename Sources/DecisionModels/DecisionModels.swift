// Decision models: tariffs, drought rules (see README.md)
