# Django's Vietnamese formats set the separators but no grouping: 1.700 tỷ đồng, not 1700.
NUMBER_GROUPING = 3
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
