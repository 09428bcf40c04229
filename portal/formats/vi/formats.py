# Django's Vietnamese formats set the separators but no grouping: 1.700 tỷ đồng, not 1700.
NUMBER_GROUPING = 3
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
# Django's is "H:i \N\g\à\y d \t\h\á\n\g n \n\ă\m Y": a capital "Ngày" in mid-sentence, and dates
# elsewhere on the site read 15/03/2027.
DATETIME_FORMAT = "H:i d/m/Y"
